import { SectionMessage, type SectionMessageAppearance } from '../../../shared/components/section-message';

/** What the last action in a section did, shown above its table. */
export interface Notice {
  appearance: SectionMessageAppearance;
  title?: string;
  text: string;
}

export const SectionNotice = ({ notice }: { notice: Notice | null }) =>
  notice && (
    <SectionMessage appearance={notice.appearance} {...(notice.title ? { title: notice.title } : {})}>
      <p>{notice.text}</p>
    </SectionMessage>
  );
