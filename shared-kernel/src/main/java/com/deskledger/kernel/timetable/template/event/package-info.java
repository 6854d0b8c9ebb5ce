/** Events of the timetable's templates. */
package com.deskledger.kernel.timetable.template.event;
