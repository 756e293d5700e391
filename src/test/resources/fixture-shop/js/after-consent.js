// Tagged type="text/plain" data-category="analytical": runs only once the banner releases it.
document.cookie = 'shop_consented=1; path=/; max-age=86400; SameSite=Lax';
