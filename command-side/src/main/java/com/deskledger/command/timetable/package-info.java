/** The timetable: rooms, class sessions and weekly class templates; the room calendar lookup; REST. */
package com.deskledger.command.timetable;
