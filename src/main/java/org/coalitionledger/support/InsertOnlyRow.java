package org.coalitionledger.support;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A projection row keyed by the record id of the act it stands for. Such rows are only ever inserted new or loaded,
 * so saving a new one is an insert without a look-up first.
 */
@MappedSuperclass
public abstract class InsertOnlyRow implements Persistable<String> {

    @Id
    @Column(name = "record_id")
    protected String recordId;

    @Transient
    private boolean fresh = true;

    @Override
    public String getId() {
        return recordId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }
}
