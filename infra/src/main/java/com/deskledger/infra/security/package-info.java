/** Who may do what: HTTP Basic users from configuration (with a verification cache), JWT when configured. */
package com.deskledger.infra.security;
