/** What every command controller shares: the current actor, dispatch with metadata and centre checks, results. */
package com.deskledger.command.web;
