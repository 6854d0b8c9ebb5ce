/** Upcasters: one per event revision step, applied to the stored JSON before it is deserialized. */
package com.deskledger.infra.upcasting;
