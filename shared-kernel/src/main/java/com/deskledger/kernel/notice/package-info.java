/** Notices to guardians: what a notice is about and the channel it goes out on. */
package com.deskledger.kernel.notice;
