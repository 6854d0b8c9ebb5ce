package com.deskledger.query.reception;

import org.springframework.data.jpa.repository.JpaRepository;


interface ReceptionVisitRepository extends JpaRepository<ReceptionVisit, String> {
}
