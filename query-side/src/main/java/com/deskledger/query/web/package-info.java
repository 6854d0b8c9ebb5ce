/** What every query controller shares: the current actor and waiting for a projection to reach a position. */
package com.deskledger.query.web;
