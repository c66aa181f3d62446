import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { BatonError } from '@baton/domain';
import { Public } from '../common/auth.decorators';
import { CampaignTrackingService } from './campaign-tracking.service';
import { unsubscribedPage } from './unsubscribed-page';

// The smallest transparent GIF: 1×1, one colour, fully transparent.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The links inside campaign mails: open pixel, tracked links and unsubscribe. No sign-in (the
 * recipient has none); a token is the only key, and an unknown one is a plain 404.
 */
@ApiExcludeController()
@Public()
@Controller('t')
export class TrackingController {
  constructor(private readonly tracking: CampaignTrackingService) {}

  @Get('o/:file')
  async open(@Param('file') file: string, @Res() res: Response): Promise<void> {
    if (!file.endsWith('.gif')) throw new BatonError('NOT_FOUND', 'Not found');
    await this.tracking.opened(file.slice(0, -'.gif'.length));
    res.status(200).set({ 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, max-age=0' }).end(PIXEL);
  }

  @Get('c/:token')
  async click(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const url = await this.tracking.clicked(token);
    res.set('Cache-Control', 'no-store').redirect(302, url);
  }

  @Get('u/:token')
  async unsubscribe(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const { purpose } = await this.tracking.unsubscribed(token, 'link');
    res
      .status(200)
      .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .send(unsubscribedPage(purpose));
  }

  /** RFC 8058 one-click unsubscribe: the mail client's own button posts here. */
  @Post('u/:token')
  @HttpCode(200)
  async oneClick(@Param('token') token: string): Promise<{ unsubscribed: true }> {
    await this.tracking.unsubscribed(token, 'one_click');
    return { unsubscribed: true };
  }
}
