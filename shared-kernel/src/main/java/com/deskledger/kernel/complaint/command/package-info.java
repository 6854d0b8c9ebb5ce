/** Commands on a ComplaintCase. */
package com.deskledger.kernel.complaint.command;
