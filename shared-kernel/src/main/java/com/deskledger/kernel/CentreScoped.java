package com.deskledger.kernel;

/**
 * A creation command or creation event that fixes which centre an aggregate belongs to. Every later command on
 * that aggregate is checked against this centre before it is dispatched.
 */
public interface CentreScoped {

    CentreId centre();
}
