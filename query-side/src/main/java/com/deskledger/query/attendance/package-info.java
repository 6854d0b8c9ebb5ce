/** The attendance read model: class sessions, days and members — checked in, on leave, late leave, no-show. */
package com.deskledger.query.attendance;
