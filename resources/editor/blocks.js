// LoyaltyDesk's block library for e-mails: table-based, e-mail-safe HTML with Liquid
// merge tags from the variables catalog (GET /api/v1/templates/variables).
// `t` gives the translated texts the app sends over the bridge (see EmailEditor).
'use strict';

window.ldBlocks = function (t) {
  const accent = '#2563eb';
  const font = 'font-family:Helvetica,Arial,sans-serif;';
  // A block is one centred 600 px table row; `inner` is the cell's content.
  const row = (inner, style) =>
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f5f7;">` +
    `<tr><td align="center" style="padding:0 12px;">` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;">` +
    `<tr><td style="${style}">${inner}</td></tr></table></td></tr></table>`;
  const button = (text, href) =>
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="center"><tr>` +
    `<td style="background-color:${accent};border-radius:6px;">` +
    `<a href="${href}" style="display:inline-block;padding:12px 28px;${font}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${text}</a>` +
    `</td></tr></table>`;
  const svg = (w, h, body) => 'data:image/svg+xml;utf8,' + encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`);
  const logo = svg(40, 40, `<rect width="40" height="40" rx="10" fill="${accent}"/><path d="M12 27l8-14 8 14z" fill="#fff"/>`);
  const hero = svg(600, 260,
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#7c3aed"/></linearGradient></defs>` +
    `<rect width="600" height="260" fill="url(#g)"/><circle cx="480" cy="70" r="120" fill="#ffffff" opacity="0.08"/>` +
    `<circle cx="90" cy="240" r="90" fill="#ffffff" opacity="0.08"/>`);
  const productCard = (list) =>
    `{% for p in ${list} limit:3 %}` +
    `<div style="display:inline-block;width:170px;margin:6px;vertical-align:top;text-align:left;border:1px solid #e5e7eb;border-top:4px solid ${accent};border-radius:8px;background-color:#ffffff;">` +
    `<div style="padding:12px 14px 14px;${font}"><div style="font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:0.5px;">{{ p.category }}</div>` +
    `<div style="font-size:15px;line-height:20px;color:#111827;font-weight:bold;padding:6px 0 8px;">{{ p.name }}</div>` +
    `<div style="font-size:16px;color:${accent};font-weight:bold;">{{ p.price | money }}</div></div></div>` +
    `{% endfor %}`;
  const products = (id, title, list) => ({
    id, label: title, media: '<i class="fa fa-th-large fa-2x"></i>',
    content: row(
      `<div style="${font}font-size:20px;font-weight:bold;color:#111827;padding-bottom:8px;">${title}</div>` +
      `<div style="text-align:center;font-size:0;">${productCard(list)}</div>`,
      'padding:24px 24px 18px;text-align:center;'),
  });
  return [
    {
      id: 'ld-header', label: t.header, media: '<i class="fa fa-header fa-2x"></i>',
      content: row(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
        `<td width="48" style="padding:0;"><img src="${logo}" width="40" height="40" alt="" style="display:block;border:0;"/></td>` +
        `<td style="${font}font-size:20px;font-weight:bold;color:#111827;">${t.brand}</td>` +
        `<td align="right" style="${font}font-size:13px;color:#6b7280;"><a href="{{ view_in_browser_url }}" style="color:#6b7280;">${t.viewInBrowser}</a></td>` +
        `</tr></table>`,
        'padding:20px 24px;border-bottom:1px solid #e5e7eb;'),
    },
    {
      id: 'ld-hero', label: t.hero, media: '<i class="fa fa-picture-o fa-2x"></i>',
      content: row(
        `<img src="${hero}" width="600" alt="" style="display:block;width:100%;max-width:600px;height:auto;border:0;"/>` +
        `<div style="padding:28px 32px 8px;${font}font-size:26px;font-weight:bold;color:#111827;text-align:center;">${t.heroTitle}</div>` +
        `<div style="padding:0 32px 20px;${font}font-size:16px;line-height:24px;color:#374151;text-align:center;">${t.heroText}</div>` +
        button(t.heroButton, 'https://example.com/'),
        'padding:0 0 32px;'),
    },
    products('ld-favorites', t.favorites, 'favorite_products'),
    products('ld-viewed', t.viewed, 'viewed_products'),
    {
      id: 'ld-coupon', label: t.coupon, media: '<i class="fa fa-ticket fa-2x"></i>',
      content: row(
        `{% for c in coupons limit:1 %}` +
        `<div style="border:2px dashed ${accent};border-radius:10px;padding:20px;text-align:center;${font}">` +
        `<div style="font-size:15px;color:#374151;">{{ c.offer }}</div>` +
        `<div style="font-size:28px;font-weight:bold;letter-spacing:3px;color:${accent};padding:8px 0;">{{ c.code }}</div>` +
        `<div style="font-size:13px;color:#6b7280;">${t.couponValid} {{ c.expires_at | date: '%d.%m.%Y' }}</div></div>` +
        `{% endfor %}`,
        'padding:20px 24px;'),
    },
    {
      id: 'ld-balance', label: t.balance, media: '<i class="fa fa-star fa-2x"></i>',
      content: row(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#eff6ff;border-radius:10px;"><tr>` +
        `<td style="padding:20px 24px;${font}"><div style="font-size:14px;color:#374151;">${t.balanceTitle}</div>` +
        `<div style="font-size:32px;font-weight:bold;color:#111827;padding:4px 0;">{{ balance.active }}</div>` +
        `{% if balance.expiring_soon > 0 %}<div style="font-size:13px;color:#b45309;">${t.balanceExpiring} {{ balance.expiring_soon }}</div>{% endif %}</td>` +
        `<td align="right" style="padding:20px 24px;">${button(t.balanceButton, 'https://example.com/bonus')}</td></tr></table>`,
        'padding:20px 24px;'),
    },
    {
      id: 'ld-footer', label: t.footer, media: '<i class="fa fa-window-minimize fa-2x"></i>',
      content: row(
        `<div style="${font}font-size:12px;line-height:18px;color:#6b7280;text-align:center;">${t.footerText}<br/>` +
        `<a href="{{ unsubscribe_url }}" style="color:#6b7280;">${t.unsubscribe}</a> · ` +
        `<a href="{{ view_in_browser_url }}" style="color:#6b7280;">${t.viewInBrowser}</a></div>`,
        'padding:24px;background-color:#f9fafb;'),
    },
  ];
};
