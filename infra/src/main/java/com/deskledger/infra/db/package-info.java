/** Database selection: an external PostgreSQL when configured, otherwise an embedded one whose data is kept. */
package com.deskledger.infra.db;
