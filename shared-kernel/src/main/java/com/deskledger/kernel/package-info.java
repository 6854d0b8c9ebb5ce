/** The published language shared by both sides: typed ids, error codes, metadata keys, centre settings. */
package com.deskledger.kernel;
