/** The audit trail's published language. */
package com.deskledger.kernel.audit;
