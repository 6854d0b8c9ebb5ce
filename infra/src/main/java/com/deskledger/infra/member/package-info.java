/** Crypto-shredding of personal data: AES-GCM keys per member and per visit, kept outside the event store. */
package com.deskledger.infra.member;
