package com.deskledger.query.complaints;

import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintCaseViewRepository extends JpaRepository<ComplaintCaseView, String> {
}
