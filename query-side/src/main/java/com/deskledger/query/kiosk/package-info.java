/** The self check-in kiosk's lookup: a member of the kiosk's centre by card token or member number. */
package com.deskledger.query.kiosk;
