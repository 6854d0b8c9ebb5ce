/** Centre settings from configuration: which centres exist and their time zones. */
package com.deskledger.infra.centre;
