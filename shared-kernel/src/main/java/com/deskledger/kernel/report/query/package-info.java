/** Queries for the weekly report and the monthly staff assessment of manual 001, and their responses. */
package com.deskledger.kernel.report.query;
