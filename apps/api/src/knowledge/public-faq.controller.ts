import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth.decorators';
import { ApiJsonResponse } from '../common/openapi.decorators';
import { ZodPipe } from '../common/zod.pipe';
import { searchQuerySchema, type SearchQuery } from './kb-article.dto';
import { faqSchema, faqSearchResultSchema } from './public-faq.dto';
import { PublicFaqService } from './public-faq.service';

// The only knowledge-base routes open without a token: @Public() sits on each handler rather than
// the class, so a route added here later is signed-in only unless someone marks it deliberately.
@ApiTags('public FAQ')
@Controller('public/faq')
export class PublicFaqController {
  constructor(private readonly faq: PublicFaqService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The published FAQ by category; no sign-in needed' })
  @ApiJsonResponse(200, faqSchema)
  sections() {
    return this.faq.faq();
  }

  @Public()
  @Get('search')
  @ApiOperation({ summary: 'Search the published FAQ, best match first, with highlighted snippets' })
  @ApiJsonResponse(200, faqSearchResultSchema)
  search(@Query(new ZodPipe(searchQuerySchema, 'query')) query: SearchQuery) {
    return this.faq.search(query);
  }
}
