/** The ComplaintCase aggregate's published language: one complaint from filing to the customer's satisfaction. */
package com.deskledger.kernel.complaint;
