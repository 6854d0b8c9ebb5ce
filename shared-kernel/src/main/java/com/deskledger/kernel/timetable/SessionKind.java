package com.deskledger.kernel.timetable;

/** What takes a room's time: a class of the timetable, a birthday party, or a monthly or theme event. */
public enum SessionKind { CLASS, PARTY, EVENT }
