/** Crypto-shredding of members' personal data: per-member AES-GCM keys kept outside the event store. */
package com.deskledger.infra.member;
