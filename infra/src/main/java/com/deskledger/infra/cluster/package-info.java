/** Several nodes on one database: each node's identity, which nodes are alive, and how they share the views' work. */
package com.deskledger.infra.cluster;
