// Added by /js/loader.js after 300 ms.
document.cookie = 'shop_late=1; path=/; max-age=86400; SameSite=Lax';
