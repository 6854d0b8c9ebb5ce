package com.deskledger.query.reception;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReceptionMessageRepository extends JpaRepository<ReceptionMessage, String> {
}
