package org.assure.organisations;

/**
 * One school as a GIAS "all establishment data" extract describes it, in the extract's own words: only
 * the columns the import reads. A column the file lacks reads as "". {@code row} is the row number
 * a spreadsheet would show (the header is row 1).
 */
record GiasRow(int row, String urn, String name, String type, String status, String phase, String trusts,
               String localAuthority, String postcode, String boarders, String boardingEstablishment,
               String nurseryProvision, String headTitle, String headFirstName, String headLastName) {
}
