/** The query side: projections into read models, query handlers and the REST query API. */
package com.deskledger.query;
