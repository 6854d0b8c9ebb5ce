-- Personal-data keys wrapped by a key-encryption key (KEK) held outside the database (deskledger.keys.dir, kek/):
-- secret is then AES-256-GCM(KEK, nonce, aad = key_id) as nonce || ciphertext || tag, and kek_id names the KEK.
-- A row without kek_id holds its key unwrapped (written before V85); the application wraps every such row at
-- start-up, and wraps again every row whose KEK is not the active one (KEK rotation). A copy of this table alone (a
-- backup, the table file, the write-ahead log) then opens nothing without the KEK file.
alter table personal_key add column kek_id varchar(64);
