/** Queries of the timetable views and their answers. */
package com.deskledger.kernel.timetable.query;
