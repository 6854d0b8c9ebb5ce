/** Events of a ComplaintCase. */
package com.deskledger.kernel.complaint.event;
