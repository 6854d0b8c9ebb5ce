/** The application's own keys, kept in files outside the database: the event MAC keys and the checkpoint keys. */
package com.deskledger.infra.keys;
