/** The command model as it was: an aggregate rebuilt from its events up to a past instant. */
package com.deskledger.command.audit;
