import { GOOGLE_WORKSPACE } from '../../../src/contract/google-workspace-kinds';
import { connectionDiagnoses } from '../../../src/providers/connection-test';
import { microsoftDiagnosis } from '../../../src/providers/microsoft/diagnosis/microsoft-diagnosis';
import { storedCredential } from '../support/credentials';

describe("Test connection's registry of the mail services' checklists", () => {
  it("answers Microsoft's for a Microsoft 365 credential, which tests the edit form's values", async () => {
    const diagnosis = await connectionDiagnoses(storedCredential());
    expect(diagnosis).toBe(microsoftDiagnosis);
    expect(diagnosis.testsFormValues).toBe(true);
  });

  it("loads Google's for a Google Workspace credential, which is tested as saved", async () => {
    const diagnosis = await connectionDiagnoses(storedCredential({ provider: GOOGLE_WORKSPACE }));
    const { googleDiagnosis } = await import('../../../src/providers/google/diagnosis/test-google');
    expect(diagnosis).toBe(googleDiagnosis);
    expect(diagnosis.testsFormValues).toBe(false);
  });
});
