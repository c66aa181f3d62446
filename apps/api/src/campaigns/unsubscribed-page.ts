import { escapeHtml } from './campaign-template';

const words = (purpose: string) => purpose.replace(/_/g, ' ');

/** The page an unsubscribe link opens. Plain HTML: the app's Content-Security-Policy allows no inline styles. */
export function unsubscribedPage(purpose: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>You are unsubscribed</title>
</head>
<body>
<main>
<h1>You are unsubscribed</h1>
<p>You will get no more ${escapeHtml(words(purpose))} emails from us. This took effect at once.</p>
<p>Changed your mind? Tell your contact person, and they can sign you up again.</p>
</main>
</body>
</html>
`;
}
