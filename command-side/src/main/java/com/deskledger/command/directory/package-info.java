/** Command-side lookup of which centre each aggregate belongs to, fed by events in the appending transaction. */
package com.deskledger.command.directory;
