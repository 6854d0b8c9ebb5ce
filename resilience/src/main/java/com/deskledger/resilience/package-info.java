/** The crash harness of issue 13: faults injected under load, then every acknowledged command and view checked. */
package com.deskledger.resilience;
