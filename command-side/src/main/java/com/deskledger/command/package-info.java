/** The command side: aggregates, their policies and the REST command API. Never imports the query side. */
package com.deskledger.command;
