import { z } from 'zod';
import { text } from '../accounts/crm-list';
import { activityViewSchema } from '../activities/activity.dto';
import { ARTICLE_STATUSES } from '../knowledge/kb-article.entity';
import { MERGE_FIELDS } from '../knowledge/merge-fields';

export const caseReplySchema = z.strictObject({
  body: text(20_000).describe('What the agent answered the customer'),
  articleIds: z
    .array(z.uuid())
    .max(10)
    .optional()
    .describe('Published articles sent with the reply; each is also linked to the case'),
});
export type CaseReplyInput = z.infer<typeof caseReplySchema>;

export const renderAnswerSchema = z.strictObject({ cannedAnswerId: z.uuid() });
export type RenderAnswerInput = z.infer<typeof renderAnswerSchema>;

export const renderedAnswerSchema = z.object({
  cannedAnswerId: z.uuid(),
  text: z.string(),
  blanks: z
    .array(z.enum(MERGE_FIELDS))
    .describe('Merge fields the case had no value for (rendered empty): fill them in by hand'),
});
export type RenderedAnswer = z.infer<typeof renderedAnswerSchema>;

export const caseArticleViewSchema = z.object({
  article: z.object({
    id: z.uuid(),
    title: z.string(),
    slug: z.string(),
    status: z.enum(ARTICLE_STATUSES),
    archived: z.boolean(),
  }),
  linkedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  linkedAt: z.iso.datetime(),
});
export type CaseArticleView = z.infer<typeof caseArticleViewSchema>;

export const caseReplyViewSchema = z.object({
  activity: activityViewSchema.describe('The reply, an email activity on the case timeline'),
  articles: z.array(caseArticleViewSchema).describe('Every article now linked to the case'),
});
export type CaseReplyView = z.infer<typeof caseReplyViewSchema>;
