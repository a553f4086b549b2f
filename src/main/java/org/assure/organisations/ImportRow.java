package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One row of an uploaded school list, stored as read so that the file is parsed once (V15). */
@MappedEntity("organisation_import_row")
record ImportRow(@Id @GeneratedValue @Nullable Long id, long importId, int sheetRow, String urn, String name, String type,
                 String status, String phase, String trusts, String localAuthority, String postcode, String boarders,
                 String boardingEstablishment, String nurseryProvision, String headTitle, String headFirstName,
                 String headLastName) {

    static ImportRow of(long importId, GiasRow r) {
        return new ImportRow(null, importId, r.row(), r.urn(), r.name(), r.type(), r.status(), r.phase(), r.trusts(),
                r.localAuthority(), r.postcode(), r.boarders(), r.boardingEstablishment(), r.nurseryProvision(), r.headTitle(),
                r.headFirstName(), r.headLastName());
    }

    GiasRow gias() {
        return new GiasRow(sheetRow, urn, name, type, status, phase, trusts, localAuthority, postcode, boarders,
                boardingEstablishment, nurseryProvision, headTitle, headFirstName, headLastName);
    }
}
