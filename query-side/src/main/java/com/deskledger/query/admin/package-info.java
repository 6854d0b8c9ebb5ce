/** Operations on the projections: their positions and lag, and replays from the first event. */
package com.deskledger.query.admin;
