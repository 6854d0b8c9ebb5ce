/** The self check-in kiosk: member cards (opaque tokens, stored as hashes), the kiosk's check-in; REST. */
package com.deskledger.command.kiosk;
