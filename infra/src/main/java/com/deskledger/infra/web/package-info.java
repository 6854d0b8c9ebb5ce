/** HTTP concerns shared by every endpoint: correlation ids and RFC 9457 problem responses. */
package com.deskledger.infra.web;
