/** The timetable's published language: rooms, class sessions and weekly class templates. */
package com.deskledger.kernel.timetable;
