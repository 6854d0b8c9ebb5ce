/** Member profiles and the customer timeline: visits, purchases, refunds and classes of one member, newest first. */
package com.deskledger.query.members;
