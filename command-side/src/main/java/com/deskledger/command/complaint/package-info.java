/** ComplaintCase: one complaint from filing to the customer's satisfaction, its SLA clocks and REST controller. */
package com.deskledger.command.complaint;
