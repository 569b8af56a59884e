-- Counters against rows and the application's rules; every "mismatch" and "not_member"/"draft" line must be 0.
-- sqlite3 /tmp/agora-bench-10k.db < bench/Agora.Bench.Data/verify.sql
-- psql -h 127.0.0.1 -U agora -d agora_bench -At -F"|" -f bench/Agora.Bench.Data/verify.sql
SELECT 'votes_mismatch', COUNT(*) FROM "Ideas" i WHERE i."VoteCount" <> (SELECT COUNT(*) FROM "Votes" v WHERE v."IdeaId" = i."Id");
SELECT 'comments_mismatch', COUNT(*) FROM "Ideas" i WHERE i."CommentCount" <> (SELECT COUNT(*) FROM "Comments" c WHERE c."IdeaId" = i."Id");
SELECT 'followers_mismatch', COUNT(*) FROM "Ideas" i WHERE i."FollowerCount" <> (SELECT COUNT(*) FROM "IdeaFollowers" f WHERE f."IdeaId" = i."Id");
SELECT 'campaign_ideas_mismatch', COUNT(*) FROM "Campaigns" c WHERE c."IdeaCount" <> (SELECT COUNT(*) FROM "Ideas" i WHERE i."CampaignId" = c."Id" AND i."State" NOT IN ('Draft','Withdrawn'));
SELECT 'campaign_followers_mismatch', COUNT(*) FROM "Campaigns" c WHERE c."FollowerCount" <> (SELECT COUNT(*) FROM "CampaignFollowers" f WHERE f."CampaignId" = c."Id");
SELECT 'reply_mismatch', COUNT(*) FROM "Comments" c WHERE c."ReplyCount" <> (SELECT COUNT(*) FROM "Comments" r WHERE r."ParentId" = c."Id");
SELECT 'voter_not_member', COUNT(*) FROM "Votes" v JOIN "Ideas" i ON i."Id" = v."IdeaId" WHERE NOT EXISTS (SELECT 1 FROM "HubMemberships" m WHERE m."HubId" = i."HubId" AND m."UserId" = v."UserId");
SELECT 'votes_on_draft_or_withdrawn', COUNT(*) FROM "Votes" v JOIN "Ideas" i ON i."Id" = v."IdeaId" WHERE i."State" IN ('Draft','Withdrawn');
SELECT 'ideas_2000_plus_comments', COUNT(*) FROM "Ideas" WHERE "CommentCount" >= 2000;
SELECT 'max_votes', MAX("VoteCount") FROM "Ideas";
SELECT State, COUNT(*) FROM (SELECT "State" AS State FROM "Ideas") AS s GROUP BY State ORDER BY 2 DESC;
SELECT Language, COUNT(*) FROM (SELECT "Language" AS Language FROM "Ideas") AS s GROUP BY Language;
