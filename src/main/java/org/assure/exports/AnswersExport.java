package org.assure.exports;

import jakarta.inject.Singleton;
import org.assure.banks.BankModel;
import org.assure.banks.QuestionBanks;
import org.assure.returns.CycleTerms;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** The answers export: {@link AnswersWorkbook} fed by {@link AnswerPages}. */
@Singleton
class AnswersExport implements ExportWriter {
    private final AnswerPages pages;
    private final QuestionBanks banks;

    AnswersExport(AnswerPages pages, QuestionBanks banks) {
        this.pages = pages;
        this.banks = banks;
    }

    @Override
    public ExportKind kind() {
        return ExportKind.ANSWERS;
    }

    @Override
    public long rowsExpected(long partnershipId, CycleTerms cycle) {
        return pages.returns(partnershipId, cycle.id()) * new AnswersWorkbook(bank(cycle)).rowsPerReturn();
    }

    @Override
    public long write(long partnershipId, CycleTerms cycle, OutputStream out, LongConsumer progress) throws IOException {
        return new AnswersWorkbook(bank(cycle)).write(after -> pages.page(partnershipId, cycle.id(), after), out, progress);
    }

    private BankModel.Version bank(CycleTerms cycle) {
        return banks.get(cycle.bankKey(), cycle.bankVersion());
    }
}
